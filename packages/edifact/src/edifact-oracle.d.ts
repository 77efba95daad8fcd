// Types for the `edifact` npm package (CommonJS, untyped), used only as a test oracle and
// benchmark baseline.
declare module 'edifact' {
  export class Parser {
    constructor(validator?: unknown);
    on(event: 'opensegment', cb: (tag: string) => void): this;
    on(event: 'element' | 'closesegment', cb: () => void): this;
    on(event: 'component', cb: (value: string) => void): this;
    encoding(level: string): void;
    write(chunk: string): void;
    end(): void;
  }
  export class Reader {
    constructor();
    parse(document: string): { name: string; elements: string[][] }[];
  }
}
