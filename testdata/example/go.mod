module example.com/acmeclient

go 1.26
