package aids

import (
	"strings"

	"explainer/app/contentfile"
)

// KeyPoints are the "In short" points of each article section, by section id.
type KeyPoints map[string][]string

// Key point limits: the issue asks for two to four points per section.
const (
	MinPoints = 2
	MaxPoints = 4
)

// ParseKeyPoints reads in-short.md: "# " comment lines, "## section-id"
// lines that start a section, and "- point" lines. Every section of the
// article (sectionIDs, in order) must have MinPoints to MaxPoints points,
// and every "## id" must name one of them.
func ParseKeyPoints(name string, src []byte, sectionIDs []string) (KeyPoints, error) {
	known := map[string]bool{}
	for _, id := range sectionIDs {
		known[id] = true
	}
	kp := KeyPoints{}
	lineOf := map[string]int{}
	cur := ""
	sc := contentfile.NewScanner(name, src)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "## "):
			id := strings.TrimSpace(l[3:])
			if !known[id] {
				return nil, sc.Errorf("the article has no section %q", id)
			}
			if _, dup := lineOf[id]; dup {
				return nil, sc.Errorf("section %q already has points at line %d", id, lineOf[id])
			}
			cur, lineOf[id] = id, sc.Line()
			kp[id] = nil
		case strings.HasPrefix(l, "- "):
			if cur == "" {
				return nil, sc.Errorf("a point before the first ## section id")
			}
			p := strings.TrimSpace(l[2:])
			if p == "" {
				return nil, sc.Errorf("empty point")
			}
			kp[cur] = append(kp[cur], p)
		default:
			return nil, sc.Errorf("want \"## section-id\", \"- point\" or a \"# \" comment, got %q", l)
		}
	}
	for _, id := range sectionIDs {
		pts, ok := kp[id]
		switch {
		case !ok:
			return nil, contentfile.Errorf(name, 1, "section %q has no key points", id)
		case len(pts) < MinPoints || len(pts) > MaxPoints:
			return nil, contentfile.Errorf(name, lineOf[id], "section %q has %d points, want %d to %d", id, len(pts), MinPoints, MaxPoints)
		}
	}
	return kp, nil
}
