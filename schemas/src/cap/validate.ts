// Validation of CAP documents against the official OASIS CAP 1.2 XSD with a real schema validator: libxml2
// (xmllint) compiled to WebAssembly, so no native install. A subpath of its own (`@citybrain/schemas/cap/
// validate`) so the feed route never loads the 1.6 MB wasm; tests here and in web/ use it, and so can an
// operator checking a partner's message.
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const xsd = (name: string): { fileName: string; contents: string } => ({
  fileName: name,
  contents: readFileSync(new URL(`./xsd/${name}`, import.meta.url), 'utf8'),
});

const CAP_XSD = xsd('CAP-v1.2.xsd');
const FEED_XSD = xsd('citybrain-cap-atom-feed.xsd');

export interface XsdValidation {
  valid: boolean;
  /** xmllint's messages, e.g. `Element '{urn:oasis:…}severity': [facet 'enumeration'] The value 'Red' …`. */
  errors: string[];
}

async function validate(
  xml: string,
  schema: typeof CAP_XSD,
  preload: (typeof CAP_XSD)[],
): Promise<XsdValidation> {
  const result = await validateXML({ xml: { fileName: 'document.xml', contents: xml }, schema, preload });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** One CAP 1.2 `<alert>` document against OASIS CAP-v1.2.xsd. */
export function validateCapAlert(xml: string): Promise<XsdValidation> {
  return validate(xml, CAP_XSD, []);
}

/**
 * An Atom feed from `alertsToCapFeed` against citybrain's feed profile, which validates every entry's CAP
 * message against OASIS CAP-v1.2.xsd (xsd/citybrain-cap-atom-feed.xsd imports it).
 */
export function validateCapFeed(xml: string): Promise<XsdValidation> {
  return validate(xml, FEED_XSD, [CAP_XSD]);
}
