// What pure code needs from the world, passed in explicitly so every rule is testable.
export interface Clock {
  now(): Date;
}
export type IdGenerator = () => string;
