package ui

import (
	"strconv"

	"explainer/app/fit"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The questionnaire keeps its answers in sessionStorage, under fitKey as the
// compact string of fit.Encode, and the step under fitStepKey. Session
// storage lives as long as the tab: a reload resumes, closing the tab
// forgets, and "Start over" removes both keys at once. Nothing is ever sent
// anywhere.
const (
	fitKey     = "explainer.fit.v1"
	fitStepKey = "explainer.fit.v1.step"
)

// fitState is what survives a reload.
type fitState struct {
	answers fit.Answers
	step    int
}

// loadFitState reads the stored strings. Anything invalid (tampered,
// written by an older questionnaire) is dropped as a whole, never half
// trusted: the reader starts afresh rather than seeing wrong answers.
func loadFitState(d *fit.Definition, enc, step string) fitState {
	ans, err := fit.Decode(d, enc)
	if err != nil {
		return fitState{answers: fit.Answers{}}
	}
	st := fitState{answers: ans}
	if n, err := strconv.Atoi(step); err == nil && n >= 0 && n <= len(d.Statements)+1 {
		st.step = n
	}
	if len(ans) == 0 && st.step > len(d.Statements) {
		st.step = 0 // no result without answers
	}
	return st
}

// withPreMount adds the answers ticked on the prerendered page before the
// app started (name → value of each checked input). Those are the reader's
// latest choices, made on the first statement, so the questionnaire stays
// there rather than jumping to a stored step under their hand. It reports
// whether anything was carried over.
func (st fitState) withPreMount(d *fit.Definition, checked map[string]string) (fitState, bool) {
	ticked := false
	for name, v := range checked {
		a, ok := fit.ParseAnswer(v)
		if d.Statement(name) == nil || !ok {
			continue
		}
		if !ticked {
			ans := make(fit.Answers, len(st.answers)+1)
			for k, a := range st.answers {
				ans[k] = a
			}
			st.answers = ans
		}
		st.answers[name] = a
		ticked = true
	}
	if ticked {
		st.step = 0
	}
	return st, ticked
}

// save stores the answers and step, or removes them when there is nothing
// to keep.
func (p *FitPage) save() {
	if len(p.answers) == 0 && p.step == 0 {
		storageRemove(fitKey)
		storageRemove(fitStepKey)
		return
	}
	storageSet(fitKey, fit.Encode(p.answers))
	storageSet(fitStepKey, strconv.Itoa(p.step))
}

// sessionStorage can be missing or throw (storage disabled, some private
// modes); the questionnaire then still works, it only forgets on reload.
func sessionStorage() (s app.Value, ok bool) {
	if !app.IsClient {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			s, ok = nil, false
		}
	}()
	s = app.Window().Get("sessionStorage")
	return s, s.Truthy()
}

func storageGet(key string) (v string) {
	s, ok := sessionStorage()
	if !ok {
		return ""
	}
	defer func() {
		if recover() != nil {
			v = ""
		}
	}()
	if r := s.Call("getItem", key); r.Type() == app.TypeString {
		return r.String()
	}
	return ""
}

func storageSet(key, v string) {
	if s, ok := sessionStorage(); ok {
		defer func() { recover() }() // quota exceeded: keep working unsaved
		s.Call("setItem", key, v)
	}
}

func storageRemove(key string) {
	if s, ok := sessionStorage(); ok {
		defer func() { recover() }()
		s.Call("removeItem", key)
	}
}
