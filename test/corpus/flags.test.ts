// Every real flag file in the shared corpus is either read (format and flag count as expected)
// or reported as not a flag file — never a crash. Skipped when ../shared/corpus is absent.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { readFlagFile } from '../../server/src/engine/formats/readFlags';

const ROOT = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'flags');
const NOW = new Date('2026-11-28T00:00:00Z');

/** format and flag count, or null for "not a flag file in a supported format". */
const EXPECTED: Record<string, [string, number] | null> = {
  'configcat/js-unified-sdk__comparison_attribute_conversion.json': null,
  'configcat/js-unified-sdk__comparison_attribute_trimming.json': null,
  'featurevisor/featurevisor__features.allowSignup.yml': null,
  'featurevisor/featurevisor__features.foo.yml': null,
  'featurevisor/featurevisor__segments.countries.germany.yml': null,
  'flagd/flagd-testbed__custom-ops.json': ['flagd', 19],
  'flagd/flagd-testbed__evaluator-refs.json': ['flagd', 6],
  'flagd/flagd__example_flags.flagd.json': ['flagd', 8],
  'flagd/flagd__example_flags.flagd.yaml': ['flagd', 8],
  'flagd/openfeature-sample__features.yaml': ['flagd', 1],
  'flagd/opentelemetry-demo__demo.flagd.json': ['flagd', 15],
  'flagsmith/flagsmith-python-client__environment.json': null,
  'flagsmith/web-app__flagsmith.json': null,
  'flipt/flipt-flags__features.yml': ['flipt', 3],
  'flipt/flipt__features_1_6.yaml': ['flipt', 1],
  'flipt/flipt__valid.yaml': ['flipt', 2],
  // duplicate top-level keys: a syntax error is reported; the last namespace is read
  'flipt/flipttest__features.yml': ['flipt', 1],
  'flipt/test-flipt__features.yaml': ['flipt', 3],
  'go-feature-flag/R4C-Cesium-Viewer__flags.goff.yaml': ['goff', 32],
  'go-feature-flag/go-feature-flag__flag-config-all-flags.yaml': ['goff', 7],
  'go-feature-flag/go-feature-flag__rollout_progressive.flags.goff.yaml': ['goff', 1],
  'go-feature-flag/go-feature-flag__rollout_scheduled.flags.goff.yaml': ['goff', 1],
  // commented-out flags are not flags
  'go-feature-flag/go-feature-flags-example__flags.goff.yaml': ['goff', 5],
  'growthbook/growthbook__cases.json': null,
  'launchdarkly/java-server-sdk__all-properties.json': ['launchdarkly', 2],
  'launchdarkly/terraform-provider-launchdarkly__launchdarkly_feature_flag_environment.resource.tf': null,
  'launchdarkly/terraform-provider-launchdarkly__targeting_example.tf': null,
  'microsoft-feature-management/FeatureManagement-Dotnet__appsettings.json': null,
  'split/javascript-commons__splitchanges.since.-1.json': null,
  'split/split-openfeature-provider-js__split.yaml': null,
  'unleash/client-specification__09-strategy-constraints.json': ['unleash', 9],
  'unleash/client-specification__10-flexible-rollout-strategy.json': ['unleash', 5],
  'unleash/unleash__exported412-version2.json': ['unleash', 6],
  'unleash/unleash__import-data.json': ['unleash', 1],
  'unleash/unleash__import.yml': ['unleash', 4],
};

const present = fs.existsSync(ROOT);

(present ? describe : describe.skip)('corpus: real flag files', () => {
  const files = present ? fs.readdirSync(ROOT).flatMap((d) => fs.readdirSync(path.join(ROOT, d)).map((f) => `${d}/${f}`)).sort() : [];
  const env = createLintEnvironment({ now: NOW });

  it('has an expectation for every corpus file', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    const want = EXPECTED[name];
    it(`${name}: ${want ? `${want[0]}, ${want[1]} flag(s)` : 'not a flag file'}`, () => {
      const text = fs.readFileSync(path.join(ROOT, name), 'utf8');
      const r = readFlagFile(text, NOW);
      if (want === null) {
        assert.equal(r.file, null, `read as ${r.file?.format}`);
        assert.ok(r.reason);
      } else {
        assert.ok(r.file, r.reason);
        assert.equal(r.file.format, want[0]);
        assert.equal(r.file.flags.length, want[1], r.file.flags.map((f) => f.key).join(', '));
      }
      // The whole pipeline runs without throwing, whatever the file is.
      const res = lintDocument(`file:///corpus/${name}`, text, env);
      assert.equal(res.kind === 'flags', want !== null, `kind ${res.kind}`);
      for (const f of res.findings) assert.ok(f.range.start.line >= 0);
    });
  }
});
