package fit

import (
	"fmt"
	"slices"
	"strings"
)

// Answer is a reader's rating of one statement: 1..5, NotSure or DoesNotApply.
type Answer int

// The rating scale. NotSure and DoesNotApply are real choices the UI can show
// as selected, but for scoring they count the same as no answer at all:
// "not at all like me" is an answer, "this is not my situation" is not.
const (
	NotSure  Answer = 0
	NotAtAll Answer = 1
	ALittle  Answer = 2
	Somewhat Answer = 3
	Mostly   Answer = 4
	VeryMuch Answer = 5
	// DoesNotApply comes after the scale so that stored strings from before
	// it existed still decode to the same answers.
	DoesNotApply Answer = 6
)

// Rated reports whether the answer is on the 1..5 scale.
func (a Answer) Rated() bool { return a >= NotAtAll && a <= VeryMuch }

// Agrees reports whether the answer is "Somewhat like me" or stronger, the
// point from which an answer is shown as a reason, a question or a note.
func (a Answer) Agrees() bool { return a >= Somewhat && a <= VeryMuch }

// ParseAnswer reads one answer as Encode writes it, a single digit, as the
// UI's radio values carry it too.
func ParseAnswer(v string) (Answer, bool) {
	if len(v) != 1 || v[0] < '0' || v[0] > '0'+byte(DoesNotApply) {
		return 0, false
	}
	return Answer(v[0] - '0'), true
}

// Answers maps statement ids to the reader's ratings; missing ids are unanswered.
type Answers map[string]Answer

// Encode writes answers as "id=N" pairs sorted by id and joined by commas,
// e.g. "open-talk=4,relationships=5,roots=0", where 0 is "Not sure" and 6
// "Doesn't apply to me". Sorting
// makes the string stable, so the UI can compare it to what it stored; ids
// instead of positions keep old strings meaningful when statements are
// reordered. Encode does not validate; Decode does.
func Encode(ans Answers) string {
	ids := make([]string, 0, len(ans))
	for id := range ans {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var sb strings.Builder
	for i, id := range ids {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "%s=%d", id, ans[id])
	}
	return sb.String()
}

// Decode reads a string written by Encode and checks it against d. Anything
// malformed, unknown or repeated is an error, so that stale or tampered
// storage is dropped rather than half-trusted; that includes a "no answer"
// choice the statement does not offer (for example "Doesn't apply to me"
// stored before a preference stopped offering it). The empty string is no answers.
func Decode(d *Definition, s string) (Answers, error) {
	ans := Answers{}
	if s == "" {
		return ans, nil
	}
	for _, pair := range strings.Split(s, ",") {
		id, v, ok := strings.Cut(pair, "=")
		a, valid := ParseAnswer(v)
		if !ok || !valid {
			return nil, fmt.Errorf("fit: malformed answer %q", pair)
		}
		s := d.Statement(id)
		if s == nil {
			return nil, fmt.Errorf("fit: unknown statement %q", id)
		}
		if !s.Offers(a) {
			return nil, fmt.Errorf("fit: statement %q does not offer answer %d", id, a)
		}
		if _, dup := ans[id]; dup {
			return nil, fmt.Errorf("fit: statement %q answered twice", id)
		}
		ans[id] = a
	}
	return ans, nil
}
