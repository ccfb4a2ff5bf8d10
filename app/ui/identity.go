package ui

// The app's identity: its names, colours and icons. The page shell, the web
// app manifest and go-app's handler (all in app/server) read them from here,
// so an installed app, a browser tab and a search result agree. The icons
// are drawn by app/tools/icons in these colours.
const (
	// SiteName is the name shown in the header, the install prompt and
	// after each page's title.
	SiteName = "Psychodynamic Therapy, Explained"
	// ShortName is the name under an installed app's icon.
	ShortName = "Psychodynamic"
	// ThemeColor tints the browser's toolbar and an installed app's title
	// bar: the deep teal of the icon.
	ThemeColor = "#2f5d62"
	// BackgroundColor fills an installed app's splash screen: the page's
	// warm paper.
	BackgroundColor = "#fbf8f3"
)

// The app's icons, files in web/, by path below the site's base path.
const (
	IconSVG      = "/web/icon.svg"              // the drawing, any size
	Icon192      = "/web/icon-192.png"          // 192×192
	Icon512      = "/web/icon-512.png"          // 512×512
	IconMaskable = "/web/icon-maskable-512.png" // 512×512, inside the safe zone of a round mask
	IconFavicon  = "/web/favicon-32.png"        // 32×32, for browser tabs
	IconApple    = "/web/apple-touch-icon.png"  // 180×180, for iOS home screens
)
