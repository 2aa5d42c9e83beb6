//go:build icu

package bench

// ICU's spoof checker on the same corpus, for the figures the issues quote
// from another machine. Needs ICU's headers and libraries (Debian:
// libicu-dev) and cgo; CI does not build it:
//
//	go test -tags icu -run '^$' -bench 'ICU' -benchtime 200ms -count 5

/*
#cgo pkg-config: icu-uc icu-i18n
#include <stdlib.h>
#include <unicode/uspoof.h>

static USpoofChecker *tgOpen(void) {
	UErrorCode st = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&st);
	if (U_FAILURE(st)) return NULL;
	return sc;
}

static int32_t tgSkeleton(USpoofChecker *sc, const char *s, int32_t n, char *dst, int32_t cap) {
	UErrorCode st = U_ZERO_ERROR;
	int32_t m = uspoof_getSkeletonUTF8(sc, 0, s, n, dst, cap, &st);
	if (U_FAILURE(st)) return -1;
	return m;
}

static int32_t tgConfusable(USpoofChecker *sc, const char *a, int32_t na, const char *b, int32_t nb) {
	UErrorCode st = U_ZERO_ERROR;
	int32_t r = uspoof_areConfusableUTF8(sc, a, na, b, nb, &st);
	if (U_FAILURE(st)) return -1;
	return r;
}

static int32_t tgNothing(const char *s, int32_t n) { return n; }
*/
import "C"

import "unsafe"

// icuNames holds nicknames in C memory for ICU.
type icuNames struct {
	p []*C.char
	n []C.int32_t
}

func newICUNames(names []string) *icuNames {
	c := &icuNames{p: make([]*C.char, len(names)), n: make([]C.int32_t, len(names))}
	for i, s := range names {
		c.p[i], c.n[i] = (*C.char)(C.CBytes([]byte(s))), C.int32_t(len(s))
	}
	return c
}

func (c *icuNames) free() {
	for _, p := range c.p {
		C.free(unsafe.Pointer(p))
	}
}

// icuChecker is an ICU spoof checker with its default settings and an
// output buffer for skeletons.
type icuChecker struct {
	sc  *C.USpoofChecker
	dst *C.char
}

const icuDstLen = 1024

func newICUChecker() *icuChecker {
	sc := C.tgOpen()
	if sc == nil {
		return nil
	}
	return &icuChecker{sc: sc, dst: (*C.char)(C.malloc(icuDstLen))}
}

func (c *icuChecker) close() {
	C.uspoof_close(c.sc)
	C.free(unsafe.Pointer(c.dst))
}

// skeleton runs uspoof_getSkeletonUTF8 on name i of ns; false if ICU failed.
func (c *icuChecker) skeleton(ns *icuNames, i int) bool {
	return C.tgSkeleton(c.sc, ns.p[i], ns.n[i], c.dst, icuDstLen) >= 0
}

// skeletonString returns the skeleton of name i of ns.
func (c *icuChecker) skeletonString(ns *icuNames, i int) (string, bool) {
	m := C.tgSkeleton(c.sc, ns.p[i], ns.n[i], c.dst, icuDstLen)
	if m < 0 {
		return "", false
	}
	return C.GoStringN(c.dst, C.int(m)), true
}

// confusable runs uspoof_areConfusableUTF8 on names i of a and j of b;
// false if ICU failed.
func (c *icuChecker) confusable(a *icuNames, i int, b *icuNames, j int) bool {
	return C.tgConfusable(c.sc, a.p[i], a.n[i], b.p[j], b.n[j]) >= 0
}

// nothing is a cgo call that does nothing, to measure the cost of a call.
func (c *icuChecker) nothing(ns *icuNames, i int) int {
	return int(C.tgNothing(ns.p[i], ns.n[i]))
}
