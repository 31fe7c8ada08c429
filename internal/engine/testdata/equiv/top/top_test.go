package top

import "testing"

func TestRun(t *testing.T) { _ = helperForTest() }

func helperForTest() string { return "x" }
