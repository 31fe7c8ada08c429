module example.com/equiv

go 1.24
