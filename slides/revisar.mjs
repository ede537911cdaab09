// Renders every deck with Marp's "bare" template into target/revision/ and opens each page in Debian's headless
// Chromium to find slides whose content does not fit in 1280x720 and images that fail to load.
//
//   node revisar.mjs [--capturas DIR]
//
// With --capturas, it also saves one PNG per slide in DIR. Needs /usr/bin/chromium (apt-get install chromium) or
// the path in the CHROMIUM environment variable. Exit code: 0 when every slide fits, 1 when some do not, 2 on error.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { marpCli } from '@marp-team/marp-cli'
import puppeteer from 'puppeteer-core'

const revisionDir = 'target/revision'
const chromium = process.env.CHROMIUM || '/usr/bin/chromium'

function screenshotDir() {
  const index = process.argv.indexOf('--capturas')
  if (index === -1) return null
  const dir = process.argv[index + 1]
  if (!dir) throw new Error("falta la carpeta después de '--capturas'; por ejemplo: --capturas /tmp/capturas")
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

async function render() {
  // Same depth as target/html, so the URLs that marp.config.mjs rewrites resolve from here too.
  const status = await marpCli(['--template', 'bare', '--input-dir', 'presentaciones', '--output', revisionDir])
  if (status !== 0) throw new Error(`Marp terminó con el código ${status} al generar ${revisionDir}`)
  return fs.readdirSync(revisionDir).filter((name) => name.endsWith('.html')).sort()
}

async function inspect(page, file, captures) {
  await page.goto(`file://${path.resolve(revisionDir, file)}`, { waitUntil: 'load' })
  const slides = await page.$$eval('section', (sections) =>
    sections.map((section, index) => {
      const title = section.querySelector('h1, h2')?.textContent?.trim() || '(sin título)'
      const overflow = section.scrollHeight - section.clientHeight
      const broken = [...section.querySelectorAll('img')]
        .filter((img) => !img.complete || img.naturalWidth === 0)
        .map((img) => img.getAttribute('src'))
      return { number: index + 1, title, overflow, broken }
    }),
  )
  if (captures) {
    const sections = await page.$$('section')
    for (const [index, section] of sections.entries()) {
      const name = `${path.basename(file, '.html')}-${String(index + 1).padStart(2, '0')}.png`
      await section.screenshot({ path: path.join(captures, name) })
    }
  }
  return slides
}

async function main() {
  const captures = screenshotDir()
  if (!fs.existsSync(chromium)) {
    throw new Error(`no encuentro Chromium en '${chromium}': instálalo (apt-get install chromium) o indica su ruta en CHROMIUM`)
  }
  const files = await render()
  const browser = await puppeteer.launch({
    executablePath: chromium,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'revisar-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  })
  let problems = 0
  try {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 720 })
    for (const file of files) {
      for (const slide of await inspect(page, file, captures)) {
        if (slide.overflow > 0) {
          problems++
          console.log(`${file} #${slide.number} «${slide.title}»: el contenido no cabe en la diapositiva (sobran al menos ${slide.overflow} px)`)
        }
        for (const src of slide.broken) {
          problems++
          console.log(`${file} #${slide.number} «${slide.title}»: no carga la imagen '${src}'`)
        }
      }
    }
  } finally {
    await browser.close()
  }
  console.log(problems === 0 ? `Revisadas ${files.length} presentaciones: todo cabe.` : `${problems} problemas.`)
  return problems === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`revisar.mjs: ${error.message}`)
    process.exit(2)
  },
)
