// @paxguard/edifact: UN/EDIFACT tokeniser and the PAXLST / PNRGOV / CUSRES codecs. Pure: no I/O.
export type { CodecIssue, DecodeMode, DecodeResult } from './codec-issues.ts';
export { DEFAULT_DELIMITERS, type Delimiters, type SyntaxId } from './service-string.ts';
export { tokenise, type Segment, type Tokenised } from './tokeniser.ts';
export {
  buildAirportZones,
  defaultAirportZones,
  localToUtc,
  type AirportZones,
} from './airport-zones.ts';
export { decodePaxlst, type PaxlstDecodeOptions, type PaxlstMessage } from './paxlst-decoder.ts';
export { assembleParts, PartAssembler, type AssemblyOutcome } from './paxlst-parts.ts';
export { encodePaxlst, type PaxlstEnvelope } from './paxlst-writer.ts';
export type { EnvelopeOptions } from './segment-writer.ts';
export { sniffFormat, type SniffedFormat } from './format-sniffer.ts';
export { textOfBytes } from './bytes-text.ts';
export {
  decodeCusres,
  encodeCusres,
  ERC_BY_ANSWER,
  CusresInput,
  CusresTravellerAnswer,
  type CusresMessage,
} from './cusres-codec.ts';
export {
  decodeManifestJson,
  decodePnrJson,
  ManifestJson,
  PnrPushJson,
  type JsonDecodeOptions,
} from './json-forms.ts';
export { maskCard, type MaskedCard } from './card-masking.ts';
export { decodePnrgov, type PnrgovDecodeOptions } from './pnrgov-decoder.ts';
export { createSegmentSplitter, type SegmentSplitter } from './segment-splitter.ts';
export { createPaxlstStream, type PaxlstStream } from './paxlst-stream.ts';
