package engine

// EntryPath is where c keeps the entry of k.
func EntryPath(c *Cache, k Key) string { return c.path(k) }
