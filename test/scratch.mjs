import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto('http://localhost:8099/query');
await page.locator('fedcat-sparql-editor[ready]').waitFor();
await page.waitForTimeout(500);
console.log(await page.evaluate(`(() => { const ed = document.querySelector('fedcat-app').shadowRoot.querySelector('fedcat-sparql').shadowRoot.querySelector('fedcat-sparql-editor'); const cm = ed.codeMirror; return JSON.stringify({ hasCm: !!cm, hasEditor: !!(cm && cm.editor), extra: cm && cm.editor && cm.editor.getOption('extraKeys'), ta: ed.shadowRoot.querySelectorAll('textarea').length, ta2: cm && cm.querySelectorAll ? cm.querySelectorAll('textarea').length : -1, cmShadow: !!(cm && cm.shadowRoot) }); })()`));
await browser.close();
