package report

// Test helpers of package report, for the tests in package report_test
// (which may import packages that import report).
var (
	MustRender    = render
	CheckGolden   = checkGolden
	GoldenForm    = goldenForm
	GoldenExt     = goldenExt
	CompileSchema = compileSchema
	ValidateJSON  = validateJSON
	ValidateSARIF = validateSARIF
	Chromium      = chromium
	DumpDOM       = dumpDOM
	CheckFigures  = checkFigures
	Column        = column
	Position      = position
	SortKey       = sortKey
)
