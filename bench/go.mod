module github.com/transferguard/transferguard/bench

go 1.26.0

replace github.com/transferguard/transferguard => ../

require (
	github.com/corona10/goimagehash v1.1.0
	github.com/mtibben/confusables v0.0.0-20210201002637-9d1b0723b659
	github.com/transferguard/transferguard v0.0.0-00010101000000-000000000000
	golang.org/x/text v0.44.0
)

require (
	github.com/nfnt/resize v0.0.0-20180221191011-83c6a9932646 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	golang.org/x/image v0.48.0 // indirect
)
