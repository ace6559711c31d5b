/** A catalog entry with the comment that says where it came from. */
export interface Commented<T> {
  entry: T;
  comment: string;
}
