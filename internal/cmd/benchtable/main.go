// Command benchtable reads the output of the scenario benchmarks
// (BenchmarkScenario*, see bench_test.go at the module root), run in several
// rounds, and prints a Markdown table of each scenario against its floor:
// the median of each measure over the rounds, the ratio to the floor, and
// the project's target for that ratio. It exits with status 1 when a target
// is missed, so that `make bench` says so.
//
//	go test -run '^$' -bench Scenario -benchmem . | go run ./internal/cmd/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	if len(res.order) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no scenario benchmarks in the input")
		os.Exit(2)
	}
	if missed := res.table(os.Stdout); missed > 0 {
		fmt.Fprintf(os.Stderr, "benchtable: %d target(s) missed\n", missed)
		os.Exit(1)
	}
}

// results holds every value seen, by scenario, variant and unit.
type results struct {
	order  []string // scenarios in the order first seen
	vals   map[string]map[string]map[string][]float64
	rounds map[string]int
}

var line = regexp.MustCompile(`^BenchmarkScenario(\S+?)(?:-\d+)?\s+\d+\s+(.+)$`)

func parse(r io.Reader) (*results, error) {
	res := &results{vals: map[string]map[string]map[string][]float64{}, rounds: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		i := strings.LastIndexByte(m[1], '/')
		if i < 0 {
			continue
		}
		scenario, variant := m[1][:i], m[1][i+1:]
		f := strings.Fields(m[2])
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("cannot read %q", sc.Text())
		}
		if res.vals[scenario] == nil {
			res.vals[scenario] = map[string]map[string][]float64{}
			res.order = append(res.order, scenario)
		}
		if res.vals[scenario][variant] == nil {
			res.vals[scenario][variant] = map[string][]float64{}
		}
		for j := 0; j < len(f); j += 2 {
			v, err := strconv.ParseFloat(f[j], 64)
			if err != nil {
				return nil, fmt.Errorf("cannot read %q: %v", sc.Text(), err)
			}
			res.vals[scenario][variant][f[j+1]] = append(res.vals[scenario][variant][f[j+1]], v)
		}
		if variant == "floor" {
			res.rounds[scenario]++
		}
	}
	return res, sc.Err()
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// measures are the rows of a scenario, in order: the benchmark's unit and
// how the table names it.
var measures = []struct{ unit, name string }{
	{"ns/op", "time"},
	{"allocs/op", "allocations"},
	{"B/op", "bytes allocated"},
	{"peak-heap-MB", "peak heap"},
	{"new-conns/1000req", "new connections per 1,000 requests"},
}

// targets are the project's limits on the ratio to the floor (for new
// connections: on the value itself), by scenario and unit.
var targets = map[string]map[string]float64{
	"Get/http":         {"ns/op": 1.15, "allocs/op": 1.6},
	"Get/https":        {"ns/op": 1.2},
	"Create":           {"ns/op": 1.15},
	"List200":          {"ns/op": 1.2, "allocs/op": 3},
	"List5000":         {"peak-heap-MB": 1.5},
	"Parallel64/http":  {"new-conns/1000req": 0},
	"Parallel64/https": {"new-conns/1000req": 0},
}

func format(unit string, v float64) string {
	switch unit {
	case "ns/op":
		switch {
		case v >= 1e6:
			return fmt.Sprintf("%.2f ms", v/1e6)
		default:
			return fmt.Sprintf("%.1f µs", v/1e3)
		}
	case "B/op":
		switch {
		case v >= 1<<20:
			return fmt.Sprintf("%.1f MiB", v/(1<<20))
		default:
			return fmt.Sprintf("%.1f KiB", v/(1<<10))
		}
	case "peak-heap-MB":
		return fmt.Sprintf("%.1f MiB", v)
	case "new-conns/1000req":
		return fmt.Sprintf("%.1f", v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// table writes the table and returns how many targets were missed.
func (res *results) table(w io.Writer) int {
	missed := 0
	fmt.Fprintln(w, "| scenario | measure | floor | this SDK | ratio | target |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, sc := range res.order {
		variants := res.vals[sc]
		fl, ok := variants["floor"]
		if !ok {
			continue
		}
		var names []string
		for v := range variants {
			if v != "floor" {
				names = append(names, v)
			}
		}
		slices.Sort(names)
		for _, v := range names {
			label := sc
			if v != "ionos" {
				label += " (" + strings.TrimPrefix(v, "ionos-") + ")"
			}
			for _, m := range measures {
				fv, ok1 := fl[m.unit]
				iv, ok2 := variants[v][m.unit]
				if !ok1 || !ok2 {
					continue
				}
				f, i := median(fv), median(iv)
				ratio := "–"
				if f > 0 {
					ratio = fmt.Sprintf("%.2fx", i/f)
				}
				target := ""
				if lim, ok := targets[sc][m.unit]; ok {
					met := false
					if m.unit == "new-conns/1000req" {
						met = i <= lim
						target = fmt.Sprintf("%s %g", mark(met), lim)
					} else {
						met = f > 0 && i/f <= lim
						target = fmt.Sprintf("%s <= %gx", mark(met), lim)
					}
					if !met {
						missed++
					}
				}
				fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", label, m.name, format(m.unit, f), format(m.unit, i), ratio, target)
			}
		}
	}
	if len(res.order) > 0 {
		fmt.Fprintf(w, "\nMedians of %d round(s).\n", res.rounds[res.order[0]])
	}
	return missed
}

func mark(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}
