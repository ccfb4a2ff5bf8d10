package ui

import "explainer/app/site"

// articleData is the article as a MedicalWebPage. Review fields appear only
// while the practice's sign-off is current (reviewed).
func articleData(a *site.Article, baseURL string, reviewed bool) any {
	author := map[string]any{"@type": "Person", "name": a.Author}
	if a.Credentials != "" {
		author["jobTitle"] = a.Credentials
	}
	doc := map[string]any{
		"@context":    "https://schema.org",
		"@type":       "MedicalWebPage",
		"name":        a.Title,
		"headline":    a.Title,
		"description": a.Description,
		"inLanguage":  "en",
		"author":      author,
		"about":       map[string]any{"@type": "MedicalTherapy", "name": "Psychodynamic psychotherapy"},
		"audience":    map[string]any{"@type": "PeopleAudience", "audienceType": "Patient"},
	}
	if baseURL != "" {
		doc["url"] = baseURL + ArticlePath
	}
	if reviewed {
		doc["lastReviewed"] = a.LastReviewed
		doc["reviewedBy"] = map[string]any{"@type": "Person", "name": a.ReviewedBy}
	}
	return doc
}

// faqData is the FAQ page as a schema.org FAQPage. Each question's name and
// answer text are the very strings the page shows (the question as written,
// the answer's plain text), so the two can never disagree.
func faqData(items []site.FAQ, name, baseURL string) any {
	qs := make([]any, len(items))
	for i, it := range items {
		qs[i] = map[string]any{
			"@type":          "Question",
			"name":           it.Question,
			"acceptedAnswer": map[string]any{"@type": "Answer", "text": it.Text},
		}
	}
	doc := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "FAQPage",
		"name":       name,
		"inLanguage": "en",
		"mainEntity": qs,
	}
	if baseURL != "" {
		doc["url"] = baseURL + FAQPath
	}
	return doc
}
