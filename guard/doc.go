// Package guard decides what happens to a transfer: a [Policy] turns a
// transfer and its risk assessment into a [Decision] (allow, confirm,
// challenge, delay or block); a [Challenge] asks the payer to type the
// hidden part of the payee's masked name; [Evidence] records what the payer
// saw; and [Aftercare] says what to do when a transfer went wrong.
//
// # The flow
//
//  1. The payer picks a payee and enters an amount. The service asks the
//     risk package for an assessment of the payee (lookalikes of the payer's
//     contacts, new account, recent profile changes, …) and calls
//     [Policy.Evaluate] with the [Transfer] and the assessment.
//  2. The [Decision] carries the action, the reasons (each from a rule of
//     the policy, see [Reasons]), the payee's masked name, the suspects
//     (contacts the payee appears to imitate), a recommended [Hold], and
//     for [ActionChallenge] and up a [Challenge].
//  3. The service keeps the Challenge and sends the client its
//     [Challenge.Prompt]. Each answer goes through [Challenge.Check], a pure
//     state machine over a [State] that the service stores: [Passed],
//     [Retry], [Locked] or [Expired].
//  4. When the money moves, [NewEvidence] records what the payer saw and
//     confirmed, chained to the previous record by its [Digest];
//     [VerifyChain] checks a chain.
//  5. Afterwards, [Aftercare] turns events (the payee blocked the payer, the
//     payer reported a mistake, …) into a [Plan]: cancel inside the hold,
//     open a case, contact the payee, guide the payer to the police, and
//     what to disclose to whom.
//
// Amounts are [Money]: int64 minor units of an ISO 4217 currency; unknown
// currencies, non-positive amounts and overflow are errors, never a silent
// pass. [DefaultPolicy] documents where each of its figures comes from.
//
// # Security
//
// No oracle: every wrong answer gets the same verdict ([Retry] or [Locked])
// and the same next state, whichever character was wrong, so a payer
// cannot learn the name one character at a time. The answer's fold and the
// expected answer's fold are compared with crypto/subtle over fixed
// 256-byte buffers, so the comparison takes the same time wherever they
// differ. The expected fold is computed once, when the challenge is issued.
// The opt-in challenge.accept_close_match calls identity.Compare on a wrong
// answer, which is not constant-time; it is off by default.
//
// Harvesting: attempts are limited per challenge, per payer×payee per day
// and per payer per day (counters in [State] that the service stores);
// lockouts double with each lockout, up to a cap.
//
// Redaction: values that hold a real name or an expected answer
// ([Transfer], [Challenge]) print and log only ids and masked text through
// String and LogValue; a [Prompt] never contains the answer; [Evidence]
// records only the masked display, never the full name or a typed answer;
// error messages never contain a name or an answer.
//
// # Concurrency
//
// Every function is pure: no clock is read (times come in as arguments),
// there is no global mutable state, and all types are values. Everything is
// safe for concurrent use.
package guard
