/** A dictionary's shape with every text widened to string: what another language must fill. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
