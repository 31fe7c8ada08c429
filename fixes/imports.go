package fixes

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// index returns the references of the file, found in one walk of it and
// kept: the uses of each import, from type information, so that aliased
// and dot imports count like any other, and the definitions and uses of
// each local variable of the package.
func (f *Fixer) index(fi *fileInfo) *fileIndex {
	if fi.index != nil {
		return fi.index
	}
	info := f.pass.TypesInfo
	specs := map[*types.PkgName]*ast.ImportSpec{}
	dot := map[*types.Package]*types.PkgName{}
	for _, spec := range fi.file.Imports {
		pn := importName(info, spec)
		if pn == nil {
			continue
		}
		specs[pn] = spec
		if spec.Name != nil && spec.Name.Name == "." {
			dot[pn.Imported()] = pn
		}
	}
	idx := &fileIndex{uses: map[*ast.ImportSpec][]token.Pos{}, vars: map[*types.Var]*varRefs{}}
	use := func(pn *types.PkgName, pos token.Pos) {
		if spec := specs[pn]; spec != nil {
			idx.uses[spec] = append(idx.uses[spec], pos)
			idx.all = append(idx.all, importUse{pos, spec})
		}
	}
	refs := func(v *types.Var) *varRefs {
		r := idx.vars[v]
		if r == nil {
			r = &varRefs{}
			idx.vars[v] = r
		}
		return r
	}
	var stack []ast.Node // the ancestors of the node visited
	ast.Inspect(fi.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			stack = stack[:len(stack)-1]
			return false
		case *ast.ImportSpec:
			return false
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok {
				if pn, ok := info.Uses[x].(*types.PkgName); ok {
					use(pn, x.Pos()) // a qualified identifier: pkg.Name
					return false
				}
			}
		case *ast.Ident:
			obj := info.Uses[n]
			if pn, ok := obj.(*types.PkgName); ok {
				use(pn, n.Pos())
			} else if obj != nil && obj.Pkg() != nil && obj.Pkg() != f.pass.Pkg && obj.Parent() == obj.Pkg().Scope() {
				// A package-level object of another package named
				// without a qualifier: it comes through a dot import.
				if pn := dot[obj.Pkg()]; pn != nil {
					use(pn, n.Pos())
				}
			}
			if obj == nil {
				if v, ok := info.Defs[n].(*types.Var); ok && f.local(v) {
					r := refs(v)
					r.defs = append(r.defs, varDef{n, stack[len(stack)-1], stack[len(stack)-2]})
				}
			} else if v, ok := obj.(*types.Var); ok && f.local(v) {
				r := refs(v)
				r.uses = append(r.uses, n)
				r.written = r.written || written(n, stack)
			}
			return false // an identifier has no children
		}
		stack = append(stack, n)
		return true
	})
	slices.SortFunc(idx.all, func(a, b importUse) int { return cmp.Compare(a.pos, b.pos) })
	fi.index = idx
	return idx
}

// fileIndex holds the references of a file that the fixes need.
type fileIndex struct {
	uses map[*ast.ImportSpec][]token.Pos // the references to each import
	all  []importUse                     // all of them, sorted by position
	vars map[*types.Var]*varRefs         // the local variables of the package
}

type importUse struct {
	pos  token.Pos
	spec *ast.ImportSpec
}

// varRefs are the identifiers that refer to a local variable.
type varRefs struct {
	defs    []varDef     // where it is defined (once)
	uses    []*ast.Ident // the other identifiers
	written bool         // whether a use assigns it or takes its address
}

// varDef is the identifier that defines a variable, with its parent and
// grandparent nodes.
type varDef struct {
	id            *ast.Ident
	parent, grand ast.Node
}

// local reports whether v is a local variable of the package (a
// parameter, a result or a variable of a function body).
func (f *Fixer) local(v *types.Var) bool {
	return !v.IsField() && v.Pkg() == f.pass.Pkg && v.Parent() != nil && v.Parent() != f.pass.Pkg.Scope()
}

// importName returns the package name an import declares.
func importName(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	} else {
		obj = info.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// deleteImports returns the edits that delete specs, whole lines at a
// time, the way gofmt would leave the file: a declaration left empty goes
// entirely, and no run of blank lines is left behind. It fails when a
// spec shares its line with other code.
func (f *Fixer) deleteImports(fi *fileInfo, specs []*ast.ImportSpec) ([]edit, bool) {
	tf := fi.tf
	line := func(pos token.Pos) int { return tf.Line(pos) }
	lines := tf.LineCount()
	del := make([]bool, lines+2) // 1-based; del[lines+1] is past the end
	blank := func(l int) bool {
		if l < 1 || l > lines {
			return false
		}
		start := tf.Offset(tf.LineStart(l))
		end := len(fi.content)
		if l < lines {
			end = tf.Offset(tf.LineStart(l + 1))
		}
		return len(bytes.TrimSpace(fi.content[start:end])) == 0
	}
	// alone reports whether [pos, end) fills its lines: only white space
	// before it and only white space or a line comment after it.
	alone := func(pos, end token.Pos) bool {
		start := tf.Offset(tf.LineStart(line(pos)))
		if len(bytes.TrimSpace(fi.content[start:tf.Offset(pos)])) != 0 {
			return false
		}
		rest := fi.content[tf.Offset(end):]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		rest = bytes.TrimSpace(rest)
		return len(rest) == 0 || bytes.HasPrefix(rest, []byte("//"))
	}
	deleted := map[*ast.ImportSpec]bool{}
	for _, s := range specs {
		deleted[s] = true
	}
	for _, decl := range fi.file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		n := 0
		for _, s := range gd.Specs {
			if deleted[s.(*ast.ImportSpec)] {
				n++
			}
		}
		switch {
		case n == 0:
			continue
		case n == len(gd.Specs):
			// The whole declaration goes, with its doc comment.
			start := gd.Pos()
			if gd.Doc != nil {
				start = gd.Doc.Pos()
			}
			if !alone(start, gd.End()) {
				return nil, false
			}
			first, last := line(start), line(gd.End())
			for l := first; l <= last; l++ {
				del[l] = true
			}
			// Keep one blank line between what was before and after.
			switch {
			case blank(first-1) && blank(last+1):
				del[last+1] = true
			case blank(first-1) && last == lines:
				del[first-1] = true
			}
		case !gd.Lparen.IsValid():
			return nil, false
		default:
			lp, rp := line(gd.Lparen), line(gd.Rparen)
			var specLines [][2]int
			for _, s := range gd.Specs {
				is := s.(*ast.ImportSpec)
				start, end := is.Pos(), is.End()
				if is.Doc != nil {
					start = is.Doc.Pos()
				}
				if is.Comment != nil {
					end = is.Comment.End()
				}
				a, b := line(start), line(end)
				if a <= lp || b >= rp || (deleted[is] && !alone(start, end)) {
					return nil, false
				}
				for _, o := range specLines {
					if a <= o[1] && o[0] <= b {
						return nil, false // two specs on one line
					}
				}
				specLines = append(specLines, [2]int{a, b})
				if deleted[is] {
					for l := a; l <= b; l++ {
						del[l] = true
					}
				}
			}
			// No leading, trailing or doubled blank line in the group.
			prevBlank := true // the line with "(" counts as blank
			lastKept := 0
			for l := lp + 1; l < rp; l++ {
				if del[l] {
					continue
				}
				b := blank(l)
				if b && prevBlank {
					del[l] = true
					continue
				}
				prevBlank = b
				lastKept = l
			}
			if lastKept > 0 && blank(lastKept) {
				del[lastKept] = true
			}
		}
	}
	// One edit per run of deleted lines.
	var edits []edit
	for l := 1; l <= lines; l++ {
		if !del[l] {
			continue
		}
		a := l
		for l+1 <= lines && del[l+1] {
			l++
		}
		start := tf.LineStart(a)
		end := token.Pos(tf.Base() + tf.Size())
		if l < lines {
			end = tf.LineStart(l + 1)
		}
		edits = append(edits, edit{start, end, ""})
	}
	return edits, true
}
