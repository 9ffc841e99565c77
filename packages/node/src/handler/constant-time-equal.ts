const encoder = new TextEncoder();

/**
 * Compares two strings without an early exit, so the time taken says nothing about how many leading
 * characters matched (only, unavoidably, about the length).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  const length = Math.max(left.length, right.length);
  let diff = left.length ^ right.length;
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}
