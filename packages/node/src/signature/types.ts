/** The raw request body: the exact bytes Meta sent (a `Buffer` is a `Uint8Array`), or their text. */
export type SignaturePayload = string | Uint8Array | ArrayBuffer;

export interface VerifySignatureOptions {
  /** The raw request body, never re-serialised JSON. */
  payload: SignaturePayload;
  /** The `X-Hub-Signature-256` header value, `sha256=<hex>`; missing or malformed ⇒ `false`. */
  signature: string | null | undefined;
  /** Your app secret, or several during a rotation (any one may match). */
  appSecret: string | readonly string[];
}

/** @internal HMAC-SHA256 as a runtime provides it: `node:crypto` or Web Crypto. */
export interface HmacBackend {
  /** Whether HMAC-SHA256(secret, payload) equals the hex digest `expectedHex`, compared in constant time. */
  verify(
    secret: string,
    payload: Uint8Array | string,
    expectedHex: string,
  ): boolean | Promise<boolean>;
  sign(secret: string, payload: Uint8Array | string): Uint8Array | Promise<Uint8Array>;
}
