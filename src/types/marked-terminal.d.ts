declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  /** Styling functions take a string and return it styled. */
  type Style = (text: string) => string;
  export interface TerminalRendererOptions {
    width?: number;
    reflowText?: boolean;
    showSectionPrefix?: boolean;
    emoji?: boolean;
    tab?: number | string;
    unescape?: boolean;
    heading?: Style;
    firstHeading?: Style;
    [style: string]: unknown;
  }
  export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
}
