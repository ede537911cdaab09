// Marp CLI configuration: `npx marp` in this folder renders every deck of presentaciones/ to target/html/.
import path from 'node:path'

const inputDir = 'presentaciones'
const output = 'target/html'

// Links and images in the decks are relative to the .md file, so they work in an editor and on a Git host.
// The HTML lives two folders deeper, so each relative URL gets the path from target/html back to the decks.
const fromOutputToInput = path.posix.relative(output, inputDir)

const isRelative = (url) => !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)

// A link to a sibling deck (02-java.md) points to its rendered page, which sits next to this one.
const siblingDeck = /^([\w.-]+)\.md(#.*)?$/

const rewrite = (url) => {
  if (!isRelative(url)) return url
  if (siblingDeck.test(url)) return url.replace(siblingDeck, '$1.html$2')
  return path.posix.normalize(path.posix.join(fromOutputToInput, url))
}

function relativeUrlsFromOutput(md) {
  // Runs before Marpit reads image URLs, so background images get the rewritten path too.
  md.inline.ruler2.before('marpit_parse_image', 'workbook_relative_urls', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'image') token.attrSet('src', rewrite(token.attrGet('src')))
      if (token.type === 'link_open') token.attrSet('href', rewrite(token.attrGet('href')))
    }
  })
}

export default {
  inputDir,
  output,
  themeSet: 'tema',
  lang: 'es',
  html: false,
  bespoke: { progress: true },
  options: {
    // Emoji would otherwise become images from a CDN; the deck must render and display offline.
    emoji: { shortcode: false, unicode: false },
    math: false,
    // Source lines wrap at 120 characters; only a blank line starts a new paragraph, as on a Git host.
    markdown: { breaks: false },
  },
  engine: ({ marp }) => marp.use(relativeUrlsFromOutput),
}
