// extensionTestsPath for the multi-root suite (fixtures/multi-root/multi-root.code-workspace).
module.exports.run = () => require('../runner').runSuite(__dirname);
