import type { Font } from 'fontkit';

declare global {
  // @types/pdfkit declares its types in a global namespace; only the same syntax can add to it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace PDFKit.Mixins {
    // An interface, as declaration merging needs one: pdfkit's PDFFontFactory.open also takes a font that fontkit
    // has already parsed, which @types/pdfkit does not list. Receipts parse their font once per process that way.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface PDFFont {
      registerFont(name: string, src: Font): this;
    }
  }
}

export {};
