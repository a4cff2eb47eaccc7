package filing

import (
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/personal"
)

// Names of package filing/contact (mobiles, landlines, e-mail), kept here
// for code written against filing.

// CheckEmail is contact.CheckEmail.
func CheckEmail(s string) error { return contact.CheckEmail(s) }

// CheckLandline is contact.CheckLandline.
func CheckLandline(s string) error { return contact.CheckLandline(s) }

// CheckMobile is contact.CheckMobile.
func CheckMobile(s string) error { return contact.CheckMobile(s) }

// NormalizeEmail is contact.NormalizeEmail.
func NormalizeEmail(s string) (personal.Email, error) { return contact.NormalizeEmail(s) }

// NormalizePhone is contact.NormalizePhone.
func NormalizePhone(s string) (personal.Phone, error) { return contact.NormalizePhone(s) }

var CodeEmailAt = contact.CodeEmailAt // contact.CodeEmailAt

var CodeEmailDomain = contact.CodeEmailDomain // contact.CodeEmailDomain

var CodeEmailEmpty = contact.CodeEmailEmpty // contact.CodeEmailEmpty

var CodeEmailFormat = contact.CodeEmailFormat // contact.CodeEmailFormat

var CodeEmailLocal = contact.CodeEmailLocal // contact.CodeEmailLocal

var CodeEmailLocalLong = contact.CodeEmailLocalLong // contact.CodeEmailLocalLong

var CodeEmailTooLong = contact.CodeEmailTooLong // contact.CodeEmailTooLong

var CodePhoneChars = contact.CodePhoneChars // contact.CodePhoneChars

var CodePhoneCountry = contact.CodePhoneCountry // contact.CodePhoneCountry

var CodePhoneEmpty = contact.CodePhoneEmpty // contact.CodePhoneEmpty

var CodePhoneExtension = contact.CodePhoneExtension // contact.CodePhoneExtension

var CodePhoneLandArea = contact.CodePhoneLandArea // contact.CodePhoneLandArea

var CodePhoneLandFormat = contact.CodePhoneLandFormat // contact.CodePhoneLandFormat

var CodePhoneLandNumber = contact.CodePhoneLandNumber // contact.CodePhoneLandNumber

var CodePhoneMobileFormat = contact.CodePhoneMobileFormat // contact.CodePhoneMobileFormat

var CodePhoneMobileIoT = contact.CodePhoneMobileIoT // contact.CodePhoneMobileIoT

var CodePhoneMobileSegment = contact.CodePhoneMobileSegment // contact.CodePhoneMobileSegment

var CodePhoneService = contact.CodePhoneService // contact.CodePhoneService

var CodePhoneTooLong = contact.CodePhoneTooLong // contact.CodePhoneTooLong
