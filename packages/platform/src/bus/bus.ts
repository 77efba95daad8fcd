// The message bus port. Two implementations: Apache Kafka (at scale) and in-process
// (the embedded default). Handlers see the same message shape from both.

export interface OutgoingMessage {
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

export interface BusMessage {
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** The handler could never process this message (bad data): dead-letter it, do not retry. */
export class PermanentError extends Error {
  constructor(
    message: string,
    readonly code = 'PERMANENT',
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

export interface DeadLetterSink {
  (msg: BusMessage, reason: string, consumer: string): Promise<void>;
}

export interface SubscribeOptions {
  /** Consumer group: each group sees every message once; members of a group share partitions. */
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  handler: (msg: BusMessage) => Promise<void>;
  /** Where poison messages go. Defaults to the bus's dead-letter topic. */
  deadLetter?: DeadLetterSink;
  /** Backoff for transient failures: first delay and cap, in ms. Retries until shutdown. */
  retry?: { initialMs?: number; maxMs?: number };
}

export interface Subscription {
  close(): Promise<void>;
}

export interface Bus {
  readonly kind: 'kafka' | 'memory';
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(opts: SubscribeOptions): Promise<Subscription>;
  healthy(): boolean;
  close(): Promise<void>;
}

export function toBuffer(v: Buffer | string): Buffer {
  return typeof v === 'string' ? Buffer.from(v) : v;
}
