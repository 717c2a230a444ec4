// extensionTestsPath for the single-folder suite (fixtures/workspace).
module.exports.run = () => require('../runner').runSuite(__dirname);
