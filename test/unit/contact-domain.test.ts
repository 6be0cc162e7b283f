import { describe, expect, it } from 'vitest'
import { landlineAreaCode, normalisePhone, validateEmail, validateLandline, validateMobile, validatePhone } from '../../shared/ids/contact'
import { canonicalDomain, displayDomain, isUnderDomain, normaliseDomain, validateDomain } from '../../shared/ids/domain'
import { isIdDocumentNumber } from '../../shared/ids/id-document'
import { punycodeDecode, toAsciiLabel, toUnicodeLabel } from '../../shared/ids/punycode'

describe('phones', () => {
  it('accepts mainland mobiles in common spellings', () => {
    for (const v of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+86 13800138000',
      '8613800138000',
      '１３８００１３８０００',
      '19912345678',
    ]) {
      expect(validateMobile(v).valid, v).toBe(true)
    }
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000')
  })
  it('rejects what is not a mainland mobile', () => {
    for (const v of ['12800138000', '1380013800', '138001380000', '02012345678', 'abc']) expect(validateMobile(v).valid, v).toBe(false)
  })
  it('accepts landlines with area code where a phone may be fixed', () => {
    expect(validatePhone('020-12345678').valid).toBe(true)
    expect(validatePhone('0755 8888 6666').valid).toBe(true)
    expect(validatePhone('12345678').valid).toBe(false)
  })
})

describe('e-mail', () => {
  it('accepts ordinary addresses and rejects broken ones', () => {
    expect(validateEmail('chen.siyuan@yunfan-tech.cn').valid).toBe(true)
    expect(validateEmail(' 12345@QQ.com ').normalised).toBe('12345@qq.com')
    for (const v of ['no-at.example.com', 'a@b', 'a@@b.cn', 'a..b@c.cn', 'a@b.c']) expect(validateEmail(v).valid, v).toBe(false)
  })
})

describe('domains', () => {
  it('encodes IDN labels as punycode', () => {
    expect(toAsciiLabel('中国')).toBe('xn--fiqs8s')
    expect(toAsciiLabel('例子')).toBe('xn--fsqu00a')
    expect(toAsciiLabel('bücher')).toBe('xn--bcher-kva')
  })

  it('decodes punycode back, and leaves what is not an A-label alone', () => {
    for (const label of ['中国', '例子', 'bücher', '灵犀科技']) expect(toUnicodeLabel(toAsciiLabel(label))).toBe(label)
    expect(punycodeDecode('fiqs8s')).toBe('中国')
    expect(toUnicodeLabel('XN--FIQS8S')).toBe('中国')
    expect(toUnicodeLabel('xn--!!')).toBe('xn--!!')
    expect(toUnicodeLabel('example')).toBe('example')
  })

  it('has one canonical form per domain, shown in Chinese', () => {
    expect(canonicalDomain('www.灵犀科技.中国')).toBe(canonicalDomain('WWW.xn--2qup42a3qbc8m.XN--fiqs8s'))
    expect(displayDomain('xn--2qup42a3qbc8m.xn--fiqs8s')).toBe('灵犀科技.中国')
    expect(isUnderDomain('https://www.灵犀科技.中国/', 'xn--2qup42a3qbc8m.xn--fiqs8s')).toBe(true)
    expect(validateDomain('xn--2qup42a3qbc8m.xn--fiqs8s').warnings).toEqual([])
  })

  it('normalises pasted URLs to the bare name', () => {
    expect(normaliseDomain('https://WWW.Example.com/path?q=1')).toBe('www.example.com')
    expect(normaliseDomain('例子。中国')).toBe('例子.中国')
    expect(normaliseDomain('example.com.')).toBe('example.com')
  })

  it('validates registrable domains including IDN and .com.cn', () => {
    expect(validateDomain('example.com').details).toMatchObject({ registrable: 'example.com', isSubdomain: false, tld: 'com' })
    expect(validateDomain('例子.中国').details).toMatchObject({ ascii: 'xn--fsqu00a.xn--fiqs8s', registrable: '例子.中国' })
    expect(validateDomain('example.com.cn').details?.registrable).toBe('example.com.cn')
    expect(validateDomain('shop.example.gd.cn').details?.registrable).toBe('example.gd.cn')
  })

  it('explains invalid domains', () => {
    expect(validateDomain('example').errors[0]?.code).toBe('no-tld')
    expect(validateDomain('-bad.com').errors[0]?.code).toBe('label-characters')
    expect(validateDomain('a..com').errors[0]?.code).toBe('empty-label')
    expect(validateDomain('ex_ample.com').errors[0]?.code).toBe('label-characters')
    expect(validateDomain(`${'a'.repeat(64)}.com`).errors[0]?.code).toBe('label-too-long')
    expect(validateDomain('192.168.1.1').errors[0]?.code).toBe('numeric-tld')
  })

  it('warns on subdomains and unlisted TLDs', () => {
    expect(validateDomain('www.example.com').warnings.map((w) => w.code)).toContain('subdomain')
    expect(validateDomain('example.io').warnings.map((w) => w.code)).toContain('tld-unlisted')
  })

  it('knows when a homepage is under a domain', () => {
    expect(isUnderDomain('www.example.com', 'example.com')).toBe(true)
    expect(isUnderDomain('http://example.com/', 'example.com')).toBe(true)
    expect(isUnderDomain('www.example.com.evil.cn', 'example.com')).toBe(false)
    expect(isUnderDomain('notexample.com', 'example.com')).toBe(false)
  })
})

describe('office phones and other ID documents', () => {
  it('wants a landline with its area code, and finds the code', () => {
    expect(validateLandline('0755-86013388').valid).toBe(true)
    expect(validateLandline('86013388').valid).toBe(false)
    expect(validateLandline('13800138000').valid).toBe(false)
    expect(landlineAreaCode('(020) 1234 5678', ['0755', '020'])).toBe('020')
    expect(landlineAreaCode('13800138000', ['0755', '020'])).toBeNull()
  })

  it('checks passport and permit number formats', () => {
    expect(isIdDocumentNumber('护照', 'E12345678')).toBe(true)
    expect(isIdDocumentNumber('护照', '12')).toBe(false)
    expect(isIdDocumentNumber('港澳居民来往内地通行证', 'H12345678')).toBe(true)
    expect(isIdDocumentNumber('港澳居民来往内地通行证', '12345678')).toBe(false)
    expect(isIdDocumentNumber('台湾居民来往大陆通行证', '01234567')).toBe(true)
    expect(isIdDocumentNumber('台湾居民来往大陆通行证', 'T0123456')).toBe(false)
    expect(isIdDocumentNumber('外国人永久居留身份证', 'USA110079010101')).toBe(true)
    expect(isIdDocumentNumber('外国人永久居留身份证', 'USA1100')).toBe(false)
    // Types checked elsewhere (GB 11643) are not judged here.
    expect(isIdDocumentNumber('居民身份证', '12')).toBe(true)
  })
})
