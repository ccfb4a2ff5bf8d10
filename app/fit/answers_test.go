package fit

import (
	"maps"
	"strconv"
	"strings"
	"testing"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	d := loadBase(t)
	for _, ans := range []Answers{
		{},
		{"p1": VeryMuch},
		{"p9": NotSure, "p1": NotAtAll, "med": Mostly, "n1": Somewhat},
		script(t, d, "123451234 5 ?"),
	} {
		s := Encode(ans)
		got, err := Decode(d, s)
		if err != nil {
			t.Fatalf("Decode(%q): %v", s, err)
		}
		if !maps.Equal(got, ans) {
			t.Errorf("round trip of %v gave %v via %q", ans, got, s)
		}
	}
	if got := Encode(Answers{"p2": ALittle, "med": NotSure, "p10": VeryMuch}); got != "med=0,p10=5,p2=2" {
		t.Errorf("Encode sorts by id; got %q", got)
	}
}

func TestDecodeRejectsMalformed(t *testing.T) {
	d := loadBase(t)
	for _, s := range []string{
		"p1", "p1=", "=1", "p1=7", "p1=-1", "p1=10", "p1=+1", "p1= 1", " p1=1",
		"x=1", "p1=1,p1=2", "p1=6", ",", "p1=1,", ",p1=1", "p1=1;p2=2", "p1==1", "p1=\x00",
	} {
		if ans, err := Decode(d, s); err == nil {
			t.Errorf("Decode(%q) = %v, want an error", s, ans)
		}
	}
}

// FuzzDecode checks that no stored string makes Decode panic, and that what
// it accepts re-encodes to itself and scores cleanly.
func FuzzDecode(f *testing.F) {
	d := loadContent(f)
	for _, s := range []string{"", "relationships=5", "why=0,skills=3", "why=9", "a,b", "=,="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ans, err := Decode(d, s)
		if err != nil {
			return
		}
		if again, err := Decode(d, Encode(ans)); err != nil || !maps.Equal(again, ans) {
			t.Fatalf("re-decoding %q gave %v, %v", Encode(ans), again, err)
		}
		if _, err := d.Score(ans); err != nil {
			t.Fatalf("Score of decoded %q: %v", s, err)
		}
	})
}

// FuzzScore feeds Score answers read leniently from an arbitrary string
// ("id=N" pairs, any id, any integer), so invalid answers reach Score itself:
// it must return an error for them and a consistent result otherwise.
func FuzzScore(f *testing.F) {
	d := loadContent(f)
	for _, s := range []string{"", "relationships=5,skills=1", "why=7", "nope=3", "roots=-2", "pace=4,inner=2,bond=3,why=1,change=5",
		"inner=6,why=0", "why=6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ans, valid := Answers{}, true
		for _, pair := range strings.Split(s, ",") {
			id, v, _ := strings.Cut(pair, "=")
			n, err := strconv.Atoi(v)
			if err != nil {
				continue
			}
			ans[id] = Answer(n)
			st := d.Statement(id)
			valid = valid && st != nil && n >= 0 && n <= int(DoesNotApply) && st.Offers(Answer(n))
		}
		r, err := d.Score(ans)
		if (err == nil) != valid {
			t.Fatalf("Score(%v): error %v, but answers valid = %v", ans, err, valid)
		}
		if err == nil {
			checkResult(t, d, r)
		}
	})
}

// checkResult asserts what every result must satisfy.
func checkResult(t *testing.T, d *Definition, r *Result) {
	t.Helper()
	if r.Score < 0 || r.Score > 100 || r.Band == nil || r.Answered+r.Skipped != len(d.Statements) {
		t.Fatalf("bad result: %+v", r)
	}
	if r.TooFew && r.Band != d.Neutral {
		t.Fatalf("too few answers, but band %s is not the neutral band", r.Band.ID)
	}
	if !r.TooFew && (r.Score < r.Band.Min || r.Score > r.Band.Max) {
		t.Fatalf("band %s does not hold score %d", r.Band.ID, r.Score)
	}
	if len(r.Questions) == 0 || len(r.Questions) > d.MaxQuestions {
		t.Fatalf("%d questions", len(r.Questions))
	}
	for i := 1; i < len(r.Reasons); i++ {
		if r.Reasons[i].Weight > r.Reasons[i-1].Weight {
			t.Fatalf("reasons out of order: %d after %d", r.Reasons[i].Weight, r.Reasons[i-1].Weight)
		}
	}
}
