## certificates
