package site

import (
	"fmt"
	"io/fs"
)

// Site is all the parsed content.
type Site struct {
	Article *Article
}

// Load reads and validates every content file in fsys.
func Load(fsys fs.FS) (*Site, error) {
	src, err := fs.ReadFile(fsys, "article.md")
	if err != nil {
		return nil, fmt.Errorf("content/article.md: %w", err)
	}
	a, err := ParseArticle("content/article.md", src)
	if err != nil {
		return nil, err
	}
	return &Site{Article: a}, nil
}
