// Hover and completion as VS Code's own commands return them (every provider for the document):
// the rule card on a finding, a country's FCS category, a key's schema description; keys at a
// key position, countries with their category at a country value.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const SPEC = 'messaging-conflict.fcs.yaml';

suite('hover and completion', () => {
  teardown(h.resetEditors);

  test('hover on a finding shows its message and the rule card with a link to the rule page', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const eth = h.rangeOf(doc, '- country: ETH', 'ETH');
    const [ctx] = await h.waitForRule(uri, 'CTX-01', eth);
    const text = await h.hoverText(uri, eth.start.translate(0, 1));
    // The Problems panel message starts with the severity ("[blocker] …"); the hover shows the message itself.
    const message = ctx.message.replace(/^\[[a-z]+\] /, '');
    assert.ok(text.includes(message), `hover has the finding's message: ${text.slice(0, 400)}`);
    assert.match(text, /CTX-01/);
    assert.match(text, /docs\/rules\/CTX-01\.md/, 'hover links to the rule page');
  });

  test('hover on a country code that has no finding shows its FCS category and source', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    await h.waitForRule(uri, 'CTX-01');
    const ken = h.rangeOf(doc, '- country: KEN', 'KEN');
    const text = await h.hoverText(uri, ken.start.translate(0, 1));
    assert.match(text, /\*\*Kenya\*\* \(KEN \/ KE\)/, `country card: ${text.slice(0, 400)}`);
    assert.match(text, /World Bank FCS FY\d\d/);
    assert.match(text, /Not being listed never means safe/);
  });

  test('hover on a key shows the schema description', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    await h.waitForRule(uri, 'CTX-01');
    const key = h.rangeOf(doc, 'lifecycle_stage: development', 'lifecycle_stage');
    const text = await h.hoverText(uri, key.start.translate(0, 2));
    assert.match(text, /\*\*feature\.lifecycle_stage\*\*/, `key description: ${text.slice(0, 400)}`);
    assert.match(text, /`design`/, 'lists the allowed values');
  });

  test('completion at a key position offers the missing keys of that mapping, with descriptions', async () => {
    const { uri, doc, editor } = await h.openFixture(SPEC);
    await h.waitForRule(uri, 'CTX-01');
    // A new, empty key line inside `feature:` (after `owner: team-messaging`).
    const owner = h.rangeOf(doc, 'owner: team-messaging', 'team-messaging');
    await editor.edit((e) => e.insert(owner.end, '\n  '));
    const items = await h.completions(uri, new vscode.Position(owner.start.line + 1, 2));
    const labels = items.map(h.labelOf);
    assert.ok(!labels.includes('owner') && !labels.includes('functions'), `keys already present are not offered: ${JSON.stringify(labels)}`);
    const schemaKeys = Object.keys(require(`${vscode.extensions.getExtension(h.EXTENSION_ID).extensionPath}/schemas/fcs-spec.schema.json`).properties.feature.properties);
    const present = ['id', 'name', 'summary', 'owner', 'lifecycle_stage', 'functions', 'amplification', 'ui_languages', 'consent_languages'];
    const missing = schemaKeys.filter((k) => !present.includes(k));
    assert.ok(missing.length > 0, 'the schema has feature keys the fixture does not use');
    for (const k of missing) assert.ok(labels.includes(k), `feature.${k} is offered; got ${JSON.stringify(labels)}`);
    const described = items.find((i) => missing.includes(h.labelOf(i)) && i.documentation);
    assert.ok(described, 'keys carry their schema description');
  });

  test('completion at a country value offers ISO codes with their FCS category', async () => {
    const { uri, doc, editor } = await h.openFixture(SPEC);
    await h.waitForRule(uri, 'CTX-01');
    const ken = h.rangeOf(doc, '- country: KEN', 'KEN');
    await editor.edit((e) => e.delete(ken));
    const items = await h.completions(uri, ken.start);
    const byLabel = new Map(items.map((i) => [h.labelOf(i), i]));
    for (const code of ['ETH', 'KEN', 'SDN', 'SOM']) assert.ok(byLabel.has(code), `${code} offered (${items.length} items)`);
    assert.match(byLabel.get('ETH').detail || '', /Ethiopia: .*conflict/i, `ETH detail: ${byLabel.get('ETH').detail}`);
    assert.match(byLabel.get('KEN').detail || '', /Kenya/);
    assert.ok(items.length >= 190, `every country is offered (${items.length})`);
  });
});
