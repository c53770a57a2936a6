import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, readSourceFile } from '../read-file.js';
import { declaredCharset, extractHtml, htmlToText } from './html.js';

const PARAGRAPH = '今年以来，我局认真贯彻落实控辍保学工作，全县义务教育巩固率达到98.82%。';

// What a county government site serves: old markup, GBK, chrome around the article.
const PAGE = `<!DOCTYPE html>
<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gbk">
<TITLE>某县教育局 - 工作动态</TITLE>
<style>p { color: red } .nav::after { content: "样式文字" }</style>
<script type="text/javascript">var s = "<p>脚本文字</p>"; if (a < b && c > d) { document.write(s); }</script>
</HEAD>
<BODY>
<header><div class="logo">某县人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li></ul></nav>
<!-- 旧版栏目：<p>注释文字</p> -->
<div class="article">
  <h1>2023年教育工作总结</h1>
  <p>&nbsp;&nbsp;今年以来，我局认真贯彻落实控辍保学工作，
  全县义务教育巩固率达到98.82%。</p>
  <p>一是加强&ldquo;双减&rdquo;督导<br>二是落实资助政策&mdash;&mdash;惠及<b>1,200</b>名学生</p>
  <table><tr><td>学校</td><td>人数</td></tr><tr><td>一中</td><td>1200</td></tr></table>
  <ul><li>Program &amp; plan</li><li>第二项</li></ul>
</div>
<footer>版权所有 某县教育局</footer>
<script>track("页尾")</script>
</BODY>
</HTML>`;

const EXPECTED = [
  '2023年教育工作总结',
  PARAGRAPH,
  '一是加强“双减”督导',
  '二是落实资助政策——惠及1,200名学生',
  '学校 人数',
  '一中 1200',
  'Program & plan',
  '第二项',
].join('\n');

describe('htmlToText', () => {
  it('keeps the article as lines and drops scripts, styles, comments and site chrome', () => {
    expect(htmlToText(PAGE)).toBe(EXPECTED);
  });

  it('keeps <pre> lines as written', () => {
    expect(htmlToText('<pre>第一行\n  第二行</pre><p>after</p>')).toBe('第一行\n第二行\nafter');
  });
});

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="gbk">', 'gbk'],
    ["<meta charset='Big5'/>", 'Big5'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', 'gb2312'],
    ['<?xml version="1.0" encoding="GB18030"?><html></html>', 'GB18030'],
    ['<html><p>no declaration</p></html>', undefined],
  ])('finds %s', (head, charset) => {
    expect(declaredCharset(new TextEncoder().encode(head))).toBe(charset);
  });
});

describe('extractHtml', () => {
  it('decodes a GBK page by its <meta charset>', () => {
    const bytes = iconv.encode(PAGE, 'gbk');
    expect(extractHtml('site/news.html', bytes)).toEqual({ text: EXPECTED, warnings: [] });
  });

  it('decodes a Big5 page by its <meta charset>, even when too short for detection', () => {
    const bytes = iconv.encode('<meta charset="big5"><p>學校</p>', 'big5');
    expect(extractHtml('tw.htm', bytes)).toEqual({ text: '學校', warnings: [] });
  });

  it('detects the encoding of an undeclared GBK page', () => {
    const bytes = iconv.encode(`<html><body><p>${PARAGRAPH}</p></body></html>`, 'gbk');
    expect(extractHtml('site/plain.htm', bytes)).toEqual({ text: PARAGRAPH, warnings: [] });
  });

  it('trusts UTF-8 bytes over a stale gbk declaration, with a warning naming the file', () => {
    const bytes = new TextEncoder().encode(`<meta charset="gbk"><p>${PARAGRAPH}</p>`);
    const { text, warnings } = extractHtml('saved.html', bytes);
    expect(text).toBe(PARAGRAPH);
    expect(warnings).toEqual(['saved.html: declares charset gbk but the bytes are valid UTF-8; read as UTF-8']);
  });

  it('overrules a Latin-1 declaration over GBK text, with a warning naming the file', () => {
    const bytes = iconv.encode(`<meta charset="iso-8859-1"><p>${PARAGRAPH}</p>`, 'gbk');
    expect(extractHtml('old/site.htm', bytes)).toEqual({
      text: PARAGRAPH,
      warnings: ['old/site.htm: declares charset iso-8859-1 but the bytes are GB18030 text; read as GB18030'],
    });
  });

  it('refuses a page with no text once chrome is removed', () => {
    const bytes = new TextEncoder().encode('<html><nav>首页</nav><script>x()</script><footer>版权</footer></html>');
    expect(() => extractHtml('empty.html', bytes)).toThrow(InputError);
    expect(() => extractHtml('empty.html', bytes)).toThrow(/^empty\.html: the page holds no text/);
  });
});

describe('readSourceFile on .html', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-html-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a GBK page from disk into plain text with the usual id', async () => {
    const file = path.join(dir, '工作动态.htm');
    fs.writeFileSync(file, iconv.encode(PAGE, 'gbk'));
    const src = await readSourceFile(file, dir);
    expect(src.id).toBe('工作动态');
    expect(src.text).toBe(EXPECTED);
    expect(src.text).not.toMatch(/脚本|样式|注释|首页|版权|<|&[a-z]+;/);
    expect(src.warnings).toEqual([]);
  });
});
