// marked-terminal is run with emoji: false; this keeps the emoji table out of the bundle.
export function get() {
  return undefined;
}
