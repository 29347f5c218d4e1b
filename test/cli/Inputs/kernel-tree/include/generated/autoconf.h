/* stand-in for make prepare output */
