/**
 * How a method of the one API is declared: a zod schema for its input and a phantom type
 * for its result. Transports (IPC, HTTP, CLI) validate with the schema; the renderer only
 * sees the types.
 */
import type { z } from 'zod';

export interface MethodSpec<Input extends z.ZodType, Result> {
  input: Input;
  /** Never set at run time: carries the result type. */
  readonly result?: Result;
}

/** `method<Result>()(inputSchema)`: curried so the result type can be named, the input inferred. */
export function method<Result>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Result> => ({ input });
}
