// Package province answers one question: which provincial communications
// bureau (省通信管理局) and which GB/T 2260 division a code, abbreviation or
// name stands for.
//
// All lists the 31 bureaus that take ICP filings with their codes, the
// abbreviations printed in record numbers (黔, not 贵, R-41) and the bureau
// names; ByCode, ByAbbr and ByName look one up. AreaCode looks a six-digit
// GB/T 2260 division code up in the embedded edition (AreaCodesAsOf). The
// tables are embedded from data/ with their sources and decoded once; the
// package imports nothing of the module but the standard library.
//
// Package filing re-exports these names as filing.Province,
// filing.ProvinceByCode and so on.
package province
