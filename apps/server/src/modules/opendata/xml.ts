// The few XML pieces the IATI file needs, built as text. Text and attribute values are escaped, and
// characters XML 1.0 forbids (control characters a pasted description may carry) are dropped, so that
// whatever a project says, the file stays well-formed.

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type Attributes = Record<string, string | null | undefined>;

function open(name: string, attributes: Attributes): string {
  const rendered = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${rendered}`;
}

/** An element holding other elements (already rendered), or empty. */
export function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  if (children.length === 0) return `${open(name, attributes)}/>`;
  return `${open(name, attributes)}>\n${children.join('\n')}\n</${name}>`;
}

/** An element holding text. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `${open(name, attributes)}>${escapeXml(text)}</${name}>`;
}

/** IATI's multilingual text: an element with one narrative. */
export function narrative(name: string, text: string, attributes: Attributes = {}): string {
  return element(name, attributes, [textElement('narrative', {}, text)]);
}
