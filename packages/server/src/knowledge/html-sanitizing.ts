import sanitizeHtml from "sanitize-html";

/**
 * What an article may contain once stored. Articles reach customers on the public page, in the
 * widget and in AI answers, and many come from imports nobody read line by line, so the list is
 * short on purpose: text structure, links, images and tables, no attributes that can run or style
 * anything.
 */
const allowedTags = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "b",
  "em",
  "i",
  // Markdown's ~~strikethrough~~ renders to it.
  "del",
  "code",
  "pre",
  "blockquote",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "img",
];

const linkSchemes = new Set(["http:", "https:", "mailto:"]);
const imageSchemes = new Set(["http:", "https:"]);

/**
 * Elements dropped with everything inside them, text included: their content is code, styling or
 * another document (an SVG or MathML island, a frame), never words of the article.
 */
const droppedWithContent = [
  "script",
  "style",
  "template",
  "noscript",
  "textarea",
  "option",
  "select",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "svg",
  "math",
  "noembed",
  "noframes",
  "xmp",
  "title",
  "head",
];

/**
 * Only absolute URLs of the allowed schemes survive. Relative links would point into Parley's own
 * page rather than the help center they were written for, and browsers forgive spellings of
 * `javascript:` (tabs, entities, case) that a blocklist would have to foresee; parsing the URL and
 * keeping what it says is the scheme does not.
 */
function absoluteUrl(value: string | undefined, schemes: ReadonlySet<string>): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  return schemes.has(url.protocol) ? trimmed : undefined;
}

function withoutAttribute(attributes: Record<string, string>, name: string): Record<string, string> {
  const { [name]: _dropped, ...rest } = attributes;
  return rest;
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["colspan", "rowspan", "scope", "align"],
    td: ["colspan", "rowspan", "align"],
    ol: ["start"],
  },
  // A second line of defence behind absoluteUrl: sanitize-html checks the schemes it keeps too.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  nonTextTags: droppedWithContent,
  transformTags: {
    a: (tagName, attributes) => {
      const href = absoluteUrl(attributes.href, linkSchemes);
      // Only Parley sets `rel`: an author's "opener" would hand the page to the site it links to.
      const kept = withoutAttribute(withoutAttribute(attributes, "href"), "rel");
      // A link whose target was refused stays as an `a` without `href`, which browsers show as text.
      // (Renaming the tag here would be neater, but sanitize-html then closes later links wrongly.)
      if (href === undefined) return { tagName, attribs: kept };
      // Links leave for other sites: they learn nothing of the page and cannot reach back into it.
      return { tagName, attribs: { ...kept, href, rel: "noopener noreferrer nofollow" } };
    },
    img: (tagName, attributes) => {
      const src = absoluteUrl(attributes.src, imageSchemes);
      const kept = withoutAttribute(attributes, "src");
      return { tagName, attribs: src === undefined ? kept : { ...kept, src } };
    },
  },
  // An image without a source shows nothing but a broken icon.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

/** The HTML with only the allowed elements, attributes and URLs left; see allowedTags. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}
