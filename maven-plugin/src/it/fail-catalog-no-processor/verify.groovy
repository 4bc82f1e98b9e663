// stele:catalog without the processor on the compiler's path fails in one line saying what to do
def log = new File(basedir, 'build.log').text
def index = new File(basedir, 'target/classes/META-INF/stele/index.json')
def expected = "No Stele event index at ${index.path}: put dev.stele:stele-processor in the maven-compiler-plugin's" +
        " annotationProcessorPaths and run stele:catalog after compile (mvn package)."
assert log.contains('[ERROR] Failed to execute goal dev.stele:stele-maven-plugin:') : 'the catalog goal did not fail'
assert log.contains(expected) : 'build.log lacks: ' + expected
assert !new File(basedir, 'target/stele/catalog.md').exists() : 'a catalogue was written without an index'
