package report

import (
	"fmt"
	"strings"
)

// trend is the chart of the history drawn by the HTML page as inline SVG:
// the remaining sites of each run (left axis) and the migrated percentage
// (right axis), the current run last.
type trend struct {
	Width, Height             int
	Left, Right, Top, Bottom  int // the plot area
	MaxRemaining              int
	Remaining, Percent        string // polyline points
	Points                    []trendPoint
	FirstLabel, LastLabel     string
	Change                    string
	PercentTop, PercentBottom int // y of 100% and 0%
}

// trendPoint is one run on the chart.
type trendPoint struct {
	X, YRemaining, YPercent string
	Remaining               int
	Percent                 string
	Label                   string
}

// newTrend returns the chart of inv's history and the current run, nil
// when there is no earlier run to compare with.
func newTrend(inv *Inventory) *trend {
	if len(inv.History) == 0 {
		return nil
	}
	runs := append([]HistoryEntry(nil), inv.History...)
	runs = append(runs, NewHistoryEntry(inv))
	t := &trend{Width: 720, Height: 200, Left: 48, Right: 672, Top: 16, Bottom: 168, MaxRemaining: 1}
	t.PercentTop, t.PercentBottom = t.Top, t.Bottom
	for _, r := range runs {
		t.MaxRemaining = max(t.MaxRemaining, r.Summary.Remaining)
	}
	step := float64(t.Right-t.Left) / float64(len(runs)-1)
	height := float64(t.Bottom - t.Top)
	var rem, pct []string
	for i, r := range runs {
		x := float64(t.Left) + step*float64(i)
		yr := float64(t.Bottom) - height*float64(r.Summary.Remaining)/float64(t.MaxRemaining)
		yp := float64(t.Bottom) - height*r.Summary.Percent/100
		p := trendPoint{X: coord(x), YRemaining: coord(yr), YPercent: coord(yp),
			Remaining: r.Summary.Remaining, Percent: formatPercent(r.Summary.Percent), Label: runLabel(r.Run)}
		t.Points = append(t.Points, p)
		rem = append(rem, p.X+","+p.YRemaining)
		pct = append(pct, p.X+","+p.YPercent)
	}
	t.Remaining, t.Percent = strings.Join(rem, " "), strings.Join(pct, " ")
	t.FirstLabel, t.LastLabel = t.Points[0].Label, t.Points[len(t.Points)-1].Label
	t.Change = inv.Change().String()
	return t
}

// runLabel names a run on the chart: its day and short revision.
func runLabel(r Run) string {
	var parts []string
	if r.Date != "" {
		day, _, _ := strings.Cut(r.Date, "T")
		parts = append(parts, day)
	}
	if r.Revision != "" {
		parts = append(parts, shortRevision(r.Revision))
	}
	if len(parts) == 0 {
		return "this run"
	}
	return strings.Join(parts, " ")
}

func coord(v float64) string { return fmt.Sprintf("%.1f", v) }
