// The handbook has no code to colour: keep cli-highlight (and highlight.js) out of the bundle.
export function highlight(code) {
  return code;
}
