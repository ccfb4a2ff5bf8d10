package fit

import (
	"fmt"
	"slices"
	"strings"
)

// Answer is a reader's rating of one statement: NotSure or 1..5.
type Answer int

// The rating scale. NotSure is a real choice the UI can show as selected, but
// for scoring it counts the same as no answer at all.
const (
	NotSure  Answer = 0
	NotAtAll Answer = 1
	ALittle  Answer = 2
	Somewhat Answer = 3
	Mostly   Answer = 4
	VeryMuch Answer = 5
)

// Agrees reports whether the answer is "Somewhat like me" or stronger, the
// point from which an answer is shown as a reason, a question or a note.
func (a Answer) Agrees() bool { return a >= Somewhat && a <= VeryMuch }

// Answers maps statement ids to the reader's ratings; missing ids are unanswered.
type Answers map[string]Answer

// Encode writes answers as "id=N" pairs sorted by id and joined by commas,
// e.g. "open-talk=4,relationships=5,roots=0", where 0 is "Not sure". Sorting
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
// storage is dropped rather than half-trusted. The empty string is no answers.
func Decode(d *Definition, s string) (Answers, error) {
	ans := Answers{}
	if s == "" {
		return ans, nil
	}
	for _, pair := range strings.Split(s, ",") {
		id, v, ok := strings.Cut(pair, "=")
		if !ok || len(v) != 1 || v[0] < '0' || v[0] > '5' {
			return nil, fmt.Errorf("fit: malformed answer %q", pair)
		}
		if d.Statement(id) == nil {
			return nil, fmt.Errorf("fit: unknown statement %q", id)
		}
		if _, dup := ans[id]; dup {
			return nil, fmt.Errorf("fit: statement %q answered twice", id)
		}
		ans[id] = Answer(v[0] - '0')
	}
	return ans, nil
}
