// Pins the deprecated names of the one-word-per-concept renames to their new names; checked by `tsc --noEmit`.
import { expectTypeOf } from 'vitest';
import type {
  AcceptCallInput,
  AgentEvent,
  CallInviteInput,
  ClientAcceptCallInput,
  Wacall,
  WacallAcceptCallInput,
  WacallCallInviteInput,
  WhatsAppClient,
} from './index';

expectTypeOf<WacallAcceptCallInput>().toEqualTypeOf<AcceptCallInput>();
expectTypeOf<WacallCallInviteInput>().toEqualTypeOf<CallInviteInput>();
expectTypeOf<Wacall['rejectCall']>().toEqualTypeOf<Wacall['declineCall']>();
expectTypeOf<Parameters<Wacall['acceptCall']>[0]>().toEqualTypeOf<AcceptCallInput>();
expectTypeOf<Parameters<Wacall['sendCallInvite']>[0]>().toEqualTypeOf<CallInviteInput>();
// The client keeps Meta's words; its accept input is its own type.
expectTypeOf<
  Parameters<WhatsAppClient['calls']['accept']>[0]
>().toEqualTypeOf<ClientAcceptCallInput>();
// The new kinds and their deprecated spellings are all accepted.
expectTypeOf<'accepted' | 'declined_call' | 'answered' | 'rejected'>().toExtend<
  AgentEvent['kind']
>();
