package filing

// WithValidatorWalk makes the field pass use validator.Struct instead of the
// cached tag plans: the reference of the agreement tests in package
// filing_test.
var WithValidatorWalk = withValidatorWalk
