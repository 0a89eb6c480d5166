// Why a message was refused. The kind drives metrics and the dead-letter record; the message is for people.
export type RejectionKind =
  'too_large' | 'bad_encoding' | 'bad_json' | 'invalid' | 'out_of_range' | 'unsupported_type';

export class RejectedMessageError extends Error {
  override readonly name = 'RejectedMessageError';
  constructor(
    readonly kind: RejectionKind,
    message: string,
  ) {
    super(message);
  }
}
