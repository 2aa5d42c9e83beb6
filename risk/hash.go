package risk

// Hash is a 256-bit PDQ perceptual hash.
//
// PLACEHOLDER: owned by the avatar issue (#6).
type Hash [32]byte
