import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { resolveAssetUrl } from '../../src/platform/asset-url.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'

const policy = { baseUrl: 'file:///shop/feeds/' }
const resolve = (src: string, p: Parameters<typeof resolveAssetUrl>[1] = policy) => resolveAssetUrl(src, p, '/rows/3/image')

function refused(src: string, p: Parameters<typeof resolveAssetUrl>[1] = policy): VitrineError {
  try {
    const url = resolve(src, p)
    assert.fail(`${src} was accepted as ${url}`)
  } catch (error) {
    assert.ok(error instanceof VitrineError, String(error))
    assert.equal(error.code, 'asset/forbidden')
    assert.equal(error.path, '/rows/3/image')
    return error
  }
}

describe('resolveAssetUrl', () => {
  it('resolves relative paths inside the base folder', () => {
    assert.equal(resolve('images/mug.png'), 'file:///shop/feeds/images/mug.png')
    assert.equal(resolve('./images/../images/mug.png'), 'file:///shop/feeds/images/mug.png')
    assert.equal(resolve('images/crème brûlée.png'), 'file:///shop/feeds/images/cr%C3%A8me%20br%C3%BBl%C3%A9e.png')
    assert.equal(resolve('  images/a.png  '), 'file:///shop/feeds/images/a.png')
  })

  it('refuses ../ escapes, with the resolved URL and the allowed folder in the message', () => {
    const error = refused('../../etc/passwd')
    assert.equal(
      error.message,
      '/rows/3/image: the source "../../etc/passwd" is not allowed: it resolves to file:///etc/passwd, outside the allowed folder file:///shop/feeds/',
    )
    refused('images/../../secret.png')
    refused('..\\..\\etc\\passwd')
    refused('/etc/passwd')
    refused('//evil-host/share/x.png')
  })

  it('refuses percent-encoded escapes', () => {
    refused('%2e%2e/%2e%2e/etc/passwd')
    refused('images/%2E%2E/%2E%2E/%2E%2E/etc/passwd')
    refused('..%2f..%2fetc%2fpasswd')
    refused('images/..%5c..%5csecret.png')
    refused('images/%zz.png')
    refused('images/a%00.png')
  })

  it('accepts file: URLs inside the root and refuses those outside', () => {
    assert.equal(resolve('file:///shop/feeds/images/a.png'), 'file:///shop/feeds/images/a.png')
    refused('file:///etc/passwd')
    refused('file:///shop/feeds-evil/a.png')
    refused('file:///shop/feeds/../x.png')
    refused('file://other-host/shop/feeds/a.png')
  })

  it('accepts other allowed roots', () => {
    const p = { baseUrl: 'file:///shop/feeds/', allowedRoots: ['file:///shop/feeds/', 'file:///shop/media'] }
    assert.equal(resolve('../media/a.png', p), 'file:///shop/media/a.png')
    assert.equal(resolve('file:///shop/media/x/b.png', p), 'file:///shop/media/x/b.png')
    refused('../private/a.png', p)
  })

  it('accepts http(s) URLs anywhere, relative ones only inside the base folder', () => {
    assert.equal(resolve('https://cdn.example.com/a b.png?v=2'), 'https://cdn.example.com/a%20b.png?v=2')
    assert.equal(resolve('HTTP://CDN.example.com:80/x.png'), 'http://cdn.example.com/x.png')
    const web = { baseUrl: 'https://shop.example/feeds/' }
    assert.equal(resolve('img/a.png', web), 'https://shop.example/feeds/img/a.png')
    refused('../admin/a.png', web)
    refused('/a.png', web)
  })

  it('refuses other schemes, Windows paths and control characters', () => {
    for (const src of ['javascript:alert(1)', 'JavaScript:alert(1)', 'ftp://host/a.png', 'blob:https://x/1', 'vbscript:x', 'jar:file:///a!/b']) {
      assert.match(refused(src).message, /scheme is not accepted/, src)
    }
    assert.match(refused('C:\\photos\\a.png').message, /Windows path/)
    assert.match(refused('images/a\n.png').message, /control characters/)
    assert.match(refused('').message, /empty/)
    assert.match(refused('   ').message, /empty/)
  })

  it('accepts data:image URLs unless turned off', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo='
    assert.equal(resolve(png), png)
    refused('data:text/html,<script>alert(1)</script>')
    assert.match(refused(png, { ...policy, allowDataUrls: false }).message, /turned off/)
  })
})
